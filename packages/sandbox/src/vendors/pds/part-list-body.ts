/**
 * Body cap of the calls that list parts (create, get_upload_url, complete): 10,000 parts with SHA-256 contexts
 * take about 1.5 MB, past the 1 MiB of other JSON calls; the SDK lists up to 9,000 parts in one create.
 */
export const PDS_PART_LIST_BODY_BYTES = 4 * 1024 * 1024;
