import { createHash } from 'node:crypto';
import { pipeline, type Readable, Transform } from 'node:stream';

/**
 * A request body left as a stream for its handler to parse as it arrives (a CSV or NDJSON
 * import), fingerprinted on the way: every byte the handler reads goes through a SHA-256, so
 * once the body has ended its digest names the whole content without the body being kept.
 * The idempotency layer compares that digest, never the body's type or length alone.
 */
export class StreamedBody {
  /** The content, to be read once by the handler. */
  readonly stream: Readable;
  private digest?: string;
  private readonly ended: Promise<string>;

  constructor(
    raw: Readable,
    /** The media type as sent: part of the fingerprint, so the same bytes as CSV and as NDJSON differ. */
    readonly contentType: string,
  ) {
    const hash = createHash('sha256').update(`${contentType}\n`);
    let settle: { resolve: (d: string) => void; reject: (e: unknown) => void } | undefined;
    this.ended = new Promise<string>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // Nobody may be waiting: a body whose handler never asked for its fingerprint.
    this.ended.catch(() => {});
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush: (done) => {
        this.digest = hash.digest('hex');
        settle?.resolve(this.digest);
        done();
      },
    });
    this.stream = hashing;
    pipeline(raw, hashing, (err) => {
      if (err) settle?.reject(err);
    });
  }

  /** The SHA-256 of the whole body once it has been read to its end; undefined before. */
  get fingerprint(): string | undefined {
    return this.digest;
  }

  /**
   * Reads the rest of the body without keeping it and answers its fingerprint: for a request
   * that is answered without being handled (a replay, a refusal). Only when no handler reads it.
   */
  async readToEnd(): Promise<string> {
    this.stream.resume();
    return this.ended;
  }

  /** `{streamed: <content type>}`: what a JSON view of the request shows of it (logs, hashes of other kinds). */
  toJSON() {
    return { streamed: this.contentType };
  }
}
