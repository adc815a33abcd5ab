package dev.sparkgen.source;

import dev.sparkgen.problem.Origin;

/**
 * A value read from YAML, with the place it was written. Immutable: the merge builds new maps and shares the rest.
 */
public sealed interface Node permits MapNode, ListNode, Scalar {

    /** Where this value was written: its key in a mapping, or its item in a list. */
    Origin origin();

    /** The same value, said to be written at another place (an alias used under another key). */
    Node at(Origin origin);

    /** A short name for the kind of value, for messages: "a mapping", "a list", "the number 3"... */
    String describe();
}
