// Free of imports: the API's query cost estimator, which the portal's tests load too, reads them.

/** The largest page any list serves. */
export const MAX_PAGE_SIZE = 100;

/** The default of MAX_QUERY_COST, the most one GraphQL operation may cost. */
export const DEFAULT_MAX_QUERY_COST = 5000;
