import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { eventSchema } from '@cpb/kit';
import { AGREEMENT_TERMINATION_REASONS, BOOKING_CANCELLATION_REASONS } from '../src/entities';

const sdl = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
const graphEnum = (name: string) =>
  (sdl.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === name) as EnumTypeDefinitionNode).values!.map(
    (v) => v.name.value,
  );
const eventEnum = (type: string) => (eventSchema(type).properties as Record<string, { enum: string[] }>).reasonCode.enum;

it('names the same reason categories in the graph, the entities and the v2 events', () => {
  expect(graphEnum('BookingCancellationReason')).toEqual([...BOOKING_CANCELLATION_REASONS]);
  expect(eventEnum('booking.cancelled.v2')).toEqual([...BOOKING_CANCELLATION_REASONS]);
  expect(graphEnum('AgreementTerminationReason')).toEqual([...AGREEMENT_TERMINATION_REASONS]);
  expect(eventEnum('agreement.terminated.v2')).toEqual([...AGREEMENT_TERMINATION_REASONS]);
});
