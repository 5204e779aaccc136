package io.leadrouter.scoring.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A history whose leads from {@code from} (inclusive) to {@code to} (exclusive) have random
 * outcomes instead of their own, the rest as they were: what a search must not read (the newest
 * fifth) or must read (the older leads) shows in whether its measures change.
 */
final class ShuffledOutcomes {

    private ShuffledOutcomes() {
    }

    static List<LabelledLead> of(List<LabelledLead> history, int from, int to) {
        Random random = new Random(7);
        List<LabelledLead> shuffled = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            LabelledLead lead = history.get(i);
            shuffled.add(i >= from && i < to ? new LabelledLead(lead.lead(), random.nextBoolean(), lead.order()) : lead);
        }
        return shuffled;
    }
}
