import type { FormatId } from './registry';

/**
 * Formats a data pack's manifest may name for a layer file: a subset of the registry's ids
 * (checked by the type checker), so the manifest type and schema (catalog/manifest_types.ts,
 * catalog/validate_manifest.ts) cannot drift from the parsers. Kept apart from registry.ts
 * so that validating a manifest does not load the format modules.
 */
export const PACK_FORMAT_IDS = ['geojson', 'csv'] as const satisfies readonly FormatId[];
export type PackFormatId = (typeof PACK_FORMAT_IDS)[number];
