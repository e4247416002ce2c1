// Integration and end-to-end tests start databases and servers: give hooks and tests a minute.
jest.setTimeout(60_000);
