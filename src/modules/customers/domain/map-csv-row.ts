// CSV cells are text: these turn a row into the object the batch API accepts, so both paths
// share one validation. Column names are matched without case, spaces, dashes or underscores.

const canonical = (header: string) => header.toLowerCase().replace(/[\s_-]/g, '');

function parseJsonCell(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // left as text: validation names the field
  }
}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};
const parseBoolean = (text: string) => BOOLEANS[text.toLowerCase()] ?? text;
const parseNumber = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);

const CUSTOMER_COLUMNS: Record<string, string> = {
  externalid: 'externalId',
  customerid: 'externalId',
  email: 'email',
  phone: 'phone',
  name: 'name',
  locale: 'locale',
  createdat: 'createdAt',
  since: 'createdAt',
};

/**
 * A customer row: `externalId, email, phone, name, locale`; `consent.<channel>` (true/false,
 * yes/no, 1/0); `attributes` as a JSON object or `attributes.<key>` columns; any other column
 * becomes an attribute of its own name.
 */
export function customerFromCsv(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let attributes: Record<string, unknown> = {};
  const consent: Record<string, unknown> = {};
  for (const [header, cell] of Object.entries(row)) {
    if (typeof cell !== 'string' || cell === '') continue;
    const key = canonical(header);
    const [prefix, ...rest] = header.split('.');
    const sub = rest.join('.');
    if (CUSTOMER_COLUMNS[key]) out[CUSTOMER_COLUMNS[key]] = cell;
    else if (key === 'attributes') {
      const parsed = parseJsonCell(cell);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        attributes = { ...attributes, ...parsed };
      else out.attributes = parsed;
    } else if (sub && canonical(prefix) === 'consent') consent[sub] = parseBoolean(cell);
    else if (sub && ['attributes', 'attr'].includes(canonical(prefix))) attributes[sub] = cell;
    else attributes[header] = cell;
  }
  if (Object.keys(attributes).length && out.attributes === undefined) out.attributes = attributes;
  if (Object.keys(consent).length) out.consent = consent;
  return out;
}

const EVENT_COLUMNS: Record<string, string> = {
  id: 'id',
  eventid: 'id',
  type: 'type',
  customerexternalid: 'customerExternalId',
  customerid: 'customerExternalId',
  customer: 'customerExternalId',
  externalid: 'customerExternalId',
  occurredat: 'occurredAt',
  time: 'occurredAt',
  amount: 'amount',
  currency: 'currency',
  channel: 'channel',
  touchpoint: 'touchpoint',
  items: 'items',
  data: 'data',
};

/**
 * An event row: `id, type, customerExternalId, occurredAt, amount` (integer minor units),
 * `currency, channel, touchpoint`, `items` and `data` as JSON, or `data.<key>` columns
 * (numbers are read as numbers, so `data.nps` works).
 */
export function eventFromCsv(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const data: Record<string, unknown> = {};
  for (const [header, cell] of Object.entries(row)) {
    if (typeof cell !== 'string' || cell === '') continue;
    const [prefix, ...rest] = header.split('.');
    const sub = rest.join('.');
    const field = EVENT_COLUMNS[canonical(header)];
    if (field === 'amount') out.amount = parseNumber(cell);
    else if (field === 'items' || field === 'data') out[field] = parseJsonCell(cell);
    else if (field) out[field] = cell;
    else if (sub && canonical(prefix) === 'data') data[sub] = parseNumber(cell);
    else data[header] = cell;
  }
  if (Object.keys(data).length) {
    const given = out.data;
    out.data =
      given && typeof given === 'object' && !Array.isArray(given) ? { ...given, ...data } : (given ?? data);
  }
  return out;
}
