import { MemberEntity } from './member';

export * from './member';

export const entities = [MemberEntity];
