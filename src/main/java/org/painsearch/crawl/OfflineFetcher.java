package org.painsearch.crawl;

/** Answers from the raw store only, so re-extraction never touches the network. */
final class OfflineFetcher implements Fetcher {
    private final RawStore raw;

    OfflineFetcher(RawStore raw) {
        this.raw = raw;
    }

    @Override
    public FetchResult fetch(String url, RawStore.Role role) {
        return raw.get(url).<FetchResult>map(e -> new FetchResult.Fetched(url, e.contentType(), e.body(),
                        e.robotsTag() == null ? "" : e.robotsTag(), false))
                .orElseGet(() -> new FetchResult.Failed(url, 0, "no stored copy (re-extraction works offline; crawl again to fetch it)"));
    }
}
