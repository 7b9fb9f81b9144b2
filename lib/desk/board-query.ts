/** The React Query key of an issue's arrange board (BoardView), shared by the page's prefetch and the board hook. */
export const boardQueryKey = (issueId: number) => ["board", issueId] as const;
