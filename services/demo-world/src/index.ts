export * from './world';
export { worldShape, DEMO_MEMBERS, type WorldShape } from './shape';
export { worldId } from './ids';
export * from './membership';
export * from './dues';
export * from './volunteering';
export * as coBuilding from './co-building';
export { demoUsers, type DemoUserName } from './demo-users';
export { organizationalLife, branchRhythm, chronicallyAbsent, type DemoMeetingRecord } from './organizational-life';
