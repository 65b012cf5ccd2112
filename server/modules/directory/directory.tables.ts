import type { Timestamp } from '../../schema.ts';

/** An official's photo in the public staff directory; its bytes are in attachment_contents. */
export interface OfficialPhotosTable {
  account_id: number;
  sha256: string;
  content_type: 'image/jpeg' | 'image/png' | 'image/webp';
  size: number;
  updated_by: number;
  updated_at: Timestamp;
}

export interface DirectoryTables {
  official_photos: OfficialPhotosTable;
}
