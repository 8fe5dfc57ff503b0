import type { Core } from '@strapi/strapi';

/**
 * Where files live (docs/storage.md). Uploads go through Strapi's upload
 * provider: the local disk (`public/uploads`, the default) or an S3-compatible
 * store (`UPLOAD_PROVIDER=s3`). The archive's originals and the files of
 * private archive items go to a private store that is never publicly readable:
 * a folder outside `public/`, or a private bucket (or prefix) of the same
 * S3-compatible service. Read by config/plugins.ts (the upload provider) and
 * src/archive/private-store.ts (the private store).
 */
export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  /** Explicit keys; without them the AWS SDK's own chain (AWS_* variables, instance role) is used. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Public URL of the uploads (CDN or the bucket's website); empty: the store's own URL. */
  baseUrl?: string;
  /** Key prefix of the public uploads. */
  rootPath?: string;
  /** Canned ACL sent with every public upload; empty when the bucket policy makes it public (ACLs disabled). */
  acl?: string;
}

export interface StorageConfig {
  upload: 'local' | 's3';
  s3?: S3Settings;
  private: {
    store: 'local' | 's3';
    /** S3: bucket and key prefix of the private store (the uploads bucket with `private/` by default). */
    bucket?: string;
    prefix: string;
    /** Local: folders relative to the project, outside public/. */
    originalsDir: string;
    filesDir: string;
    /** Lifetime of a signed link to a private file, in seconds. */
    linkSeconds: number;
  };
}

type Env = Core.Config.Shared.ConfigParams['env'];

const fail = (message: string): never => {
  throw new Error(`Storage configuration: ${message} (docs/storage.md).`);
};

function s3Settings(env: Env): S3Settings {
  const bucket = env('S3_BUCKET', '');
  if (!bucket) fail('UPLOAD_PROVIDER=s3 needs S3_BUCKET');
  const accessKeyId = env('S3_ACCESS_KEY_ID', '');
  const secretAccessKey = env('S3_SECRET_ACCESS_KEY', '');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) fail('set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither');
  return {
    bucket,
    region: env('S3_REGION', 'us-east-1'),
    endpoint: env('S3_ENDPOINT', '') || undefined,
    forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', false),
    credentials: accessKeyId ? { accessKeyId, secretAccessKey } : undefined,
    baseUrl: env('S3_PUBLIC_URL', '') || undefined,
    rootPath: env('S3_ROOT_PATH', '') || undefined,
    acl: env('S3_ACL', 'public-read') || undefined,
  };
}

export function readStorageConfig(env: Env): StorageConfig {
  const upload = env('UPLOAD_PROVIDER', 'local') as StorageConfig['upload'];
  if (upload !== 'local' && upload !== 's3') fail(`UPLOAD_PROVIDER must be "local" or "s3", not "${upload}"`);
  const s3 = upload === 's3' ? s3Settings(env) : undefined;
  const store = env('ARCHIVE_PRIVATE_STORE', upload) as StorageConfig['private']['store'];
  if (store !== 'local' && store !== 's3') fail(`ARCHIVE_PRIVATE_STORE must be "local" or "s3", not "${store}"`);
  if (store === 's3' && !s3) fail('ARCHIVE_PRIVATE_STORE=s3 needs UPLOAD_PROVIDER=s3 and its S3_* settings');
  const bucket = env('S3_PRIVATE_BUCKET', '') || s3?.bucket;
  // In the uploads bucket the private objects need a prefix of their own (the bucket policy denies it to the public).
  const prefix = env('S3_PRIVATE_PREFIX', bucket === s3?.bucket ? 'private/' : '');
  if (store === 's3' && bucket === s3?.bucket && !prefix) fail('the private store shares the uploads bucket: S3_PRIVATE_PREFIX may not be empty');
  if (store === 's3' && bucket === s3?.bucket && s3?.rootPath && `${s3.rootPath}/`.startsWith(prefix)) {
    fail('S3_ROOT_PATH (public uploads) may not lie inside S3_PRIVATE_PREFIX');
  }
  const linkSeconds = env.int('ARCHIVE_PRIVATE_LINK_SECONDS', 900);
  if (!(linkSeconds > 0 && linkSeconds <= 86400)) fail('ARCHIVE_PRIVATE_LINK_SECONDS must be between 1 and 86400');
  return {
    upload,
    s3,
    private: {
      store,
      bucket: store === 's3' ? bucket : undefined,
      prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
      originalsDir: env('ARCHIVE_ORIGINALS_DIR', 'private/archive-originals'),
      filesDir: env('ARCHIVE_PRIVATE_FILES_DIR', 'private/archive-files'),
      linkSeconds,
    },
  };
}

/**
 * The AWS SDK v3 client options for these settings. Request and response
 * checksums only when an operation requires them: the SDK's default (a CRC on
 * every upload, streamed as an aws-chunked trailer) is refused by many
 * S3-compatible servers (older MinIO, Ceph, s3rver).
 */
export const s3ClientOptions = (s3: S3Settings) => ({
  region: s3.region,
  ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
  forcePathStyle: s3.forcePathStyle,
  ...(s3.credentials ? { credentials: s3.credentials } : {}),
  requestChecksumCalculation: 'WHEN_REQUIRED' as const,
  responseChecksumValidation: 'WHEN_REQUIRED' as const,
});

/** The upload plugin's provider settings (config/plugins.ts). */
export function uploadProviderConfig(storage: StorageConfig) {
  if (storage.upload !== 's3' || !storage.s3) return { provider: 'local' };
  const { s3 } = storage;
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: s3.baseUrl,
      rootPath: s3.rootPath,
      s3Options: { ...s3ClientOptions(s3), params: { Bucket: s3.bucket, ACL: s3.acl } },
    },
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => readStorageConfig(env);
