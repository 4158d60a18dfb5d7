/**
 * The names of the lab kit's files, apart from the kit's code so that `lab-kit --help` can name
 * them without loading the feature reader and YAML (src/cli/commands/lab-kit.ts loads those lazily).
 */
export const MANIFEST_TEMPLATE = "manifest-template.yaml";
/** The name the checklists tell the tester to fill in (a copy of the template). */
export const MANIFEST_NAME = "manifest.yaml";
/** The kit's copy of the harness's own gim-config.yaml: the format, and the settings the flows assume. */
export const GIM_CONFIG_TEMPLATE = "gim-config-template.yaml";
