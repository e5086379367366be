/** Who may see a stored document; the engine enforces it through tenant tokens. */
export type Visibility = 'public' | 'restricted';

/** Who is searching: anyone, or an officer signed in with an account. */
export type Audience = 'public' | 'officer';

/**
 * The documents each audience may reach. The public sees Part 1 items and the
 * stubs of Part 2 items; officers see Part 1 items and Part 2 full records.
 */
export const AUDIENCE_FILTERS: Record<Audience, string> = {
  public: 'visibility = "public"',
  officer: 'NOT (visibility = "public" AND part = 2)',
};
