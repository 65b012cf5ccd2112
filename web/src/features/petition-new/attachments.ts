import { api, ApiError } from '../../app/api.ts';
import { t } from '../../app/i18n.ts';
import type { CreatedPetition } from '../../app/apiTypes.ts';

/**
 * Photos go up after the petition exists, one request each (the raw file, authorised by the
 * access key). A photo that fails does not undo the petition: the resident is told which ones.
 */
export async function uploadAttachments(created: CreatedPetition, files: File[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const file of files) {
    try {
      await api.sendFile(`/petitions/${created.id}/attachments`, file, { filename: file.name.slice(0, 200) }, { 'x-access-key': created.accessKey });
    } catch (e) {
      if (e instanceof ApiError && e.missingRoute) {
        warnings.push(t('raise.photosUnavailable'));
        break;
      }
      warnings.push(t('raise.photoFailed', { name: file.name, reason: e instanceof ApiError ? e.message : '' }));
    }
  }
  return warnings;
}
