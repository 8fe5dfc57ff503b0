// A real S3 protocol server for the tests: s3rver (signature V4, multipart,
// presigned URLs) on a free port, its objects in a temporary folder. s3rver
// answers anonymous requests for every bucket; in front of it sits the access
// rule docs/storage.md asks of a deployment's bucket policy: anonymous reads
// only of the public uploads (never of the private bucket or prefix), and no
// anonymous listing or writing anywhere. Signed requests go straight through.
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

const S3rver = require('s3rver');

export interface S3Server {
  endpoint: string;
  publicBucket: string;
  privateBucket: string;
  /** Key prefix of the private store ('' in a bucket of its own). */
  privatePrefix: string;
  client: S3Client;
  /** Every key of a bucket (under `prefix`). */
  keys(bucket: string, prefix?: string): Promise<string[]>;
  /** An object's bytes, or null. */
  object(bucket: string, key: string): Promise<Buffer | null>;
  /** The environment that points a Strapi instance at this server. */
  env(): Record<string, string>;
  /** Stops answering (connections refused), objects kept; `resume` listens on the same port again. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const isSigned = (req: http.IncomingMessage) => {
  const query = new URL(req.url ?? '/', 'http://s3').searchParams;
  return Boolean(req.headers.authorization) || query.has('X-Amz-Algorithm') || query.has('Signature');
};

/**
 * `sharedBucket`: the private store is a prefix (`private/`) of the uploads
 * bucket instead of a bucket of its own; both layouts are supported.
 */
export async function startS3({ sharedBucket = false } = {}): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const publicBucket = 'municipal-uploads';
  const privateBucket = sharedBucket ? publicBucket : 'municipal-private';
  const privatePrefix = sharedBucket ? 'private/' : '';
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [...new Set([publicBucket, privateBucket])].map((name) => ({ name })) });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();

  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://s3');
    const [, bucket, ...rest] = pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const anonymousReadAllowed =
      (req.method === 'GET' || req.method === 'HEAD') && bucket === publicBucket && key !== '' && !(privatePrefix && key.startsWith(privatePrefix));
    if (isSigned(req) || anonymousReadAllowed) return handle(req, res);
    res.writeHead(403, { 'Content-Type': 'application/xml' });
    res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  return {
    endpoint,
    publicBucket,
    privateBucket,
    privatePrefix,
    client,
    async keys(bucket, prefix = '') {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken }));
        keys.push(...(page.Contents ?? []).map((object) => object.Key!));
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys;
    },
    async object(bucket, key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return Buffer.from(await answer.Body!.transformToByteArray());
      } catch (error: any) {
        if (error?.name === 'NoSuchKey' || error?.$metadata?.httpStatusCode === 404) return null;
        throw error;
      }
    },
    env: () => ({
      UPLOAD_PROVIDER: 's3',
      S3_BUCKET: publicBucket,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      // The bucket policy makes the uploads public: no ACL header (docs/storage.md).
      S3_ACL: '',
      ...(sharedBucket ? { S3_PRIVATE_PREFIX: privatePrefix } : { S3_PRIVATE_BUCKET: privateBucket }),
    }),
    pause: stopListening,
    resume: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    async close() {
      client.destroy();
      await stopListening();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
