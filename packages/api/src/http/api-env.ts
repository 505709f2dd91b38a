/** What the middleware hands to the routes. */
export interface ApiEnv {
  Variables: {
    /** The authenticated user: every read and write of a /v1 route is scoped to it. */
    userId: string;
  };
}
