package io.portcullis.application.fakes;

import io.portcullis.application.contract.RateLimitCountersContract;
import io.portcullis.application.port.RateLimitCounters;

class InMemoryRateLimitCountersTest extends RateLimitCountersContract {

    private final InMemoryRateLimitCounters counters = new InMemoryRateLimitCounters();

    @Override
    protected RateLimitCounters counters() {
        return counters;
    }
}
