/**
 * The member columns as `Member` properties, for raw SQL (LATERAL pages) that TypeORM does not
 * hydrate: dates come back as text, like the entity's, not as JS Dates in local time.
 */
export function memberColumns(alias: string): string {
  return [
    `${alias}.id`,
    `${alias}.name`,
    `${alias}.gender`,
    `${alias}.birth_date::text AS "birthDate"`,
    `${alias}.ethnicity`,
    `${alias}.education`,
    `${alias}.phone`,
    `${alias}.id_number AS "idNumber"`,
    `${alias}.joined_on::text AS "joinedOn"`,
    `${alias}.status`,
    `${alias}.probation_ends_on::text AS "probationEndsOn"`,
    `${alias}.converted_on::text AS "convertedOn"`,
    `${alias}.applicant_id AS "applicantId"`,
    `${alias}.category`,
    `${alias}.organization_id AS "organizationId"`,
    `${alias}.work_unit_id AS "workUnitId"`,
    `${alias}.residence_community_id AS "residenceCommunityId"`,
    `${alias}.skills`,
    `${alias}.responsibility_area AS "responsibilityArea"`,
    `${alias}.home_address AS "homeAddress"`,
  ].join(', ');
}
