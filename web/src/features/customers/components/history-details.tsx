import type { HistoryEntry } from '@crm/contracts';
import { ContractChanges } from '../../contracts';
import { LeadChanges } from '../../leads';
import { DealChanges } from '../../opportunities';
import { ChangeLine } from './history-change-line';

/**
 * An entry's details in the words of its record: a deal's stages, money and keys, a contract's
 * statuses, a lead's conversion, a customer's or contact's fields as old → new; for events (a
 * note, a reason), just the value. A deal's creation says its stage and amount.
 */
export function HistoryDetails({ entry, owners }: { entry: HistoryEntry; owners: ReadonlyMap<number, string> }) {
  const changes = entry.changes.filter((c) => c.new !== undefined || c.old !== undefined);
  if (changes.length === 0 || entry.action === 'delete' || entry.action === 'restore') return null;
  if (entry.entityType === 'opportunity') return <DealChanges changes={changes} showOld={entry.action !== 'create'} owners={owners} />;
  if (entry.action === 'create') return null;
  if (entry.entityType === 'contract') return <ContractChanges changes={changes} showOld />;
  if (entry.entityType === 'lead') return <LeadChanges entry={entry} owners={owners} />;
  const entity = entry.entityType === 'contact' ? 'contact' : 'customer';
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, overflowWrap: 'anywhere' }}>
      {changes.map((change) => (
        <ChangeLine
          key={change.field}
          entity={entity}
          change={change}
          owners={owners}
          showOld={(change.old !== null && change.old !== undefined) || entry.action === 'update' || change.field === 'ownerId'}
        />
      ))}
    </ul>
  );
}
