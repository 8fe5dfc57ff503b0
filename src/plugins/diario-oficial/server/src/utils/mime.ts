// The outlet e-mail as one raw MIME message. Headers are encoded by nodemailer's own
// MimeNode; the attachments' parts (headers + base64 body) are built once per file and
// reused for every request that sends the same file, so a send costs one header block
// and one small text part instead of re-encoding and re-streaming both documents.
import MimeNode from 'nodemailer/lib/mime-node';

const base64Lines = (buffer: Buffer) => buffer.toString('base64').replace(/.{76}/g, '$&\r\n');

/** An attachment's MIME part, without its boundary line. */
export function attachmentPart(filename: string, contentType: string | undefined, content: Buffer): Buffer {
  const part = new MimeNode('multipart/mixed').createChild(contentType || 'application/octet-stream', { filename });
  part.setHeader('Content-Transfer-Encoding', 'base64');
  part.setHeader('Content-Disposition', 'attachment');
  return Buffer.from(`${part.buildHeaders()}\r\n\r\n${base64Lines(content)}`);
}

export interface MessageHeaders {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  messageId: string;
  extra: Record<string, string>;
}

/** multipart/mixed: the text, then the attachment parts as built by attachmentPart. */
export function composeMessage(headers: MessageHeaders, text: string, parts: Buffer[]): Buffer {
  const root = new MimeNode('multipart/mixed');
  root.setHeader({
    from: headers.from,
    to: headers.to,
    ...(headers.replyTo ? { 'reply-to': headers.replyTo } : {}),
    subject: headers.subject,
    'message-id': headers.messageId,
    ...headers.extra,
  });
  const head = root.buildHeaders(); // also fixes root.boundary
  const textPart = root.createChild('text/plain; charset=utf-8');
  textPart.setHeader('Content-Transfer-Encoding', 'base64');
  const delimiter = `--${root.boundary}\r\n`;
  return Buffer.concat([
    Buffer.from(`${head}\r\n\r\n${delimiter}${textPart.buildHeaders()}\r\n\r\n${base64Lines(Buffer.from(text, 'utf8'))}\r\n`),
    ...parts.flatMap((part) => [Buffer.from(delimiter), part, Buffer.from('\r\n')]),
    Buffer.from(`--${root.boundary}--\r\n`),
  ]);
}
