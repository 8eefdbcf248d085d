import {
  contactUpdate, customerUpdate, customFieldUpdate, departmentUpdate, leadFormUpdate, leadUpdate, opportunityUpdate,
  pipelineUpdate, roleUpdate, userUpdate,
} from '@crm/contracts';
import { describe, expect, it } from 'vitest';

/**
 * A PATCH changes only the fields it names. In Zod 4 `.partial()` keeps a field's default, so an
 * update schema derived from a create schema with defaults would fill them in and reset the stored
 * values (a renamed role losing its permissions). Every PATCH body schema is checked here.
 */
const patchSchemas = {
  customerUpdate, contactUpdate, customFieldUpdate, roleUpdate, userUpdate, departmentUpdate, leadUpdate, leadFormUpdate,
  opportunityUpdate, pipelineUpdate,
};

describe('PATCH schemas', () => {
  for (const [name, schema] of Object.entries(patchSchemas)) {
    it(`${name} adds nothing the request left out`, () => {
      expect(schema.parse({ version: 3 })).toEqual({ version: 3 });
    });
  }
});
