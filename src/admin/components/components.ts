import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComponentLoader } from 'adminjs';

/** The project root (where package.json is), from here in src/ or in dist/src/. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the admin components');
    dir = parent;
  }
  return dir;
}

/**
 * The panel's own React components. Their sources stay in src/admin/components (JSX); the bundle
 * is built at `npm run build` into dist/admin-bundle (ADMIN_JS_TMP_DIR), which production and the
 * tests serve as it is; in development AdminJS bundles them on first request.
 */
export const componentLoader = new ComponentLoader();

const source = (file: string) => join(projectRoot(), 'src', 'admin', 'components', file);

export const COMPONENTS = {
  Dashboard: componentLoader.add('Dashboard', source('dashboard.jsx')),
  ExportLink: componentLoader.add('ExportLink', source('export-link.jsx')),
  DateOnlyEdit: componentLoader.add('DateOnlyEdit', source('date-only-edit.jsx')),
  DateOnlyFilter: componentLoader.add('DateOnlyFilter', source('date-only-filter.jsx')),
  DependentReferenceEdit: componentLoader.add(
    'DependentReferenceEdit',
    source('dependent-reference-edit.jsx'),
  ),
  ComplianceCheck: componentLoader.add('ComplianceCheck', source('compliance-check.jsx')),
  AttachmentPreview: componentLoader.add('AttachmentPreview', source('attachment-preview.jsx')),
  AttachmentUpload: componentLoader.add('AttachmentUpload', source('attachment-upload.jsx')),
  RecordAttachments: componentLoader.add('RecordAttachments', source('record-attachments.jsx')),
  WorkflowStep: componentLoader.add('WorkflowStep', source('workflow-step.jsx')),
};

export const ADMIN_BUNDLE_DIR = join(projectRoot(), 'dist', 'admin-bundle');
