// Lengths the settings schema allows, in one place, so the fields that take them (and the
// names Hearth makes itself) hold to the same limit as the check that keeps them.

/** A name: of a family time, a one-off time, a work site. */
export const NAME_MAX = 60;
