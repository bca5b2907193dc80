/** The public surface of features/modules/: what other folders may use of it; everything else stays inside. */

export { moduleDurationText } from './module.presenter.ts';
export { CourseModuleDeletedBody, moduleFamilies, moduleParams } from './module.schemas.ts';
export {
  cloneModuleTree,
  deleteModuleRow,
  deleteParentModules,
  requireModule,
  requireModuleForChange,
} from './module.service.ts';
export { changeParent, readParent } from './module-parent.ts';
