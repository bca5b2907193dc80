/** Zoho's numeric entity-type codes (from its Course Progress pages), used wherever Zoho uses them. */
export const EntityType = {
  offlineTest: 0,
  onlineTest: 1,
  assignment: 2,
  file: 3,
  content: 4,
  session: 5,
  link: 6,
  preCourseTest: 7,
  postCourseTest: 8,
} as const;

/** One of the codes above. */
export type EntityTypeCode = (typeof EntityType)[keyof typeof EntityType];

/** The kinds whose mandatory items let a course or batch be published (NO_MANDATORY_FILES_OR_LINK_FOUND_TO_PUBLISH). */
export const publishableTypes: readonly EntityTypeCode[] = [EntityType.file, EntityType.content, EntityType.link];
