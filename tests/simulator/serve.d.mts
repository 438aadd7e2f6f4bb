export interface SimulatorResponse {
  status: number;
  contentType: string;
  body: Buffer;
}
export const SCENARIOS: { name: string; description: string }[];
export const SIMULATOR_OUT_DIR: string;
export function buildSimulator(): Promise<string>;
export function simulatorResponse(pathname: string): SimulatorResponse;
