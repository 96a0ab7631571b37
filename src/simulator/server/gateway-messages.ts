/**
 * The gateway's connection and farm notices (sent as error messages with id -1), worded as IB Gateway words
 * them, so the app's handling is tested against the real text.
 */
export const GATEWAY_NOTICES: Readonly<Record<number, string>> = {
  1100: 'Connectivity between IB and Trader Workstation has been lost.',
  1101: 'Connectivity between IB and Trader Workstation has been restored - data lost.',
  1102: 'Connectivity between IB and Trader Workstation has been restored - data maintained.',
  2103: 'Market data farm connection is broken:usfarm',
  2104: 'Market data farm connection is OK:usfarm',
  2105: 'HMDS data farm connection is broken:ushmds',
  2106: 'HMDS data farm connection is OK:ushmds',
  2158: 'Sec-def data farm connection is OK:secdefnj',
  10197: 'No market data during competing live session',
};

/** What a freshly connected client is told about the farms, as the gateway does right after startApi. */
export const FARMS_OK = [2104, 2106, 2158] as const;

export const CLIENT_ID_IN_USE = 'Unable to connect as the client id is already in use. Retry with a unique client id.';
