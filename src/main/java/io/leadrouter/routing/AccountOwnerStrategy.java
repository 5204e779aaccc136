package io.leadrouter.routing;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.leadrouter.account.AccountOwners;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * Sticky account-owner routing: a lead from a company Lead Router already knows goes to the
 * rep who owns it ({@link AccountOwners}). No match, or an owner who cannot take the lead now,
 * leaves the lead to the next strategy of the fallback chain.
 */
@Component
class AccountOwnerStrategy implements RoutingStrategy {

    static final String KEY = "account-owner";

    private final AccountOwners owners;
    private final RepRepository reps;
    private final CandidatePool pool;

    AccountOwnerStrategy(AccountOwners owners, RepRepository reps, CandidatePool pool) {
        this.owners = owners;
        this.reps = reps;
        this.pool = pool;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        Optional<AccountOwners.Owner> owner = owners.ownerOf(request.lead().id(), request.team());
        if (owner.isEmpty()) {
            return Choice.nobody("No known account or open lead from the same company");
        }
        Rep rep = reps.findById(owner.get().repId()).orElse(null);
        if (rep == null) {
            return Choice.nobody("The account owner '" + owner.get().repId() + "' is not a rep");
        }
        List<Assessment> assessed = pool.assess(List.of(rep), request.hadLeadBefore());
        if (!assessed.get(0).eligible()) {
            return Choice.nobody(assessed, rep.getName() + " " + owner.get().how() + ", but is "
                    + assessed.get(0).exclusion().reason());
        }
        return new Choice(assessed, List.of(new Ranked(rep, owner.get().how())),
                "Account owner: " + rep.getName() + " " + owner.get().how());
    }
}
