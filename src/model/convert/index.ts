export { convertToGatewayApi, INGRESS2GATEWAY_VERSION } from './convert';
export type { ConvertNote, ConvertNoteKey, ConvertResult, ConvertedObject } from './types';
export { printYaml } from './yaml';
