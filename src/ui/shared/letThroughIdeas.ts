// The let-through names Hearth suggests, as message keys: the welcome offers them as
// toggles, the settings page as words to start from.
export const LET_THROUGH_IDEAS = ['letThroughIdeaSchool', 'letThroughIdeaNursery', 'letThroughIdeaChildminder', 'letThroughIdeaUrgent'] as const;
