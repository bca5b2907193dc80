/** The public surface of features/directory/: the forms and views it serves (app.ts registers its routes file). */
export { type DirectoryForm, type DirectoryView, directoryForms, directoryViews } from './directory.schemas.ts';
