import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

/** A real S3 server on loopback for tests (s3rver), with one bucket, in a temporary folder. */
export interface TestS3 {
  /** The environment that points a server at it (CRM_STORAGE=s3 ...). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startS3(bucket = 'crm-test'): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-s3-'));
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    env: {
      CRM_STORAGE: 's3',
      CRM_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      CRM_S3_BUCKET: bucket,
      CRM_S3_REGION: 'us-east-1',
      // s3rver's fixed credentials.
      CRM_S3_ACCESS_KEY_ID: 'S3RVER',
      CRM_S3_SECRET_ACCESS_KEY: 'S3RVER',
      CRM_S3_FORCE_PATH_STYLE: '1',
    },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
