/** Rows one import may carry: enough for a province's agencies, small enough for one transaction. */
export const maxImportRows = 5000;
