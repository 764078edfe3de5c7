/**
 * The ports `npm start` uses: each variable, its default and the process that listens on it.
 * One list for the launcher (scripts/start.ts), the soak and benchmark runs and the tests that
 * start the launcher on ports of their own.
 */
export const DEV_PORTS = {
  GATEWAY_PORT: { port: 4000, owner: 'gateway' },
  SUBGRAPH_BRP_PORT: { port: 4001, owner: 'subgraph brp' },
  SUBGRAPH_ZAKEN_PORT: { port: 4002, owner: 'subgraph zaken' },
  SUBGRAPH_BERICHTEN_PORT: { port: 4003, owner: 'subgraph berichten' },
  SUBGRAPH_VOORKEUREN_PORT: { port: 4004, owner: 'subgraph voorkeuren' },
  IDP_PORT: { port: 4010, owner: 'DigiD-simulator' },
  SIM_BRP_PORT: { port: 4011, owner: 'simulator BRP' },
  SIM_ZGW_A_PORT: { port: 4012, owner: 'simulator zaaksysteem A' },
  SIM_ZGW_B_PORT: { port: 4013, owner: 'simulator zaaksysteem B' },
  SIM_MIJNOVERHEID_PORT: { port: 4014, owner: 'simulator MijnOverheid' },
  SIM_NOTIFYNL_PORT: { port: 4015, owner: 'simulator NotifyNL' },
  PORTAL_PORT: { port: 4020, owner: 'portaal (Mijn-Omgeving)' },
} as const;

export type PortVariable = keyof typeof DEV_PORTS;
export const PORT_VARIABLES = Object.keys(DEV_PORTS) as PortVariable[];
