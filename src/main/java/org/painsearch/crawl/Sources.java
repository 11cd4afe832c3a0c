package org.painsearch.crawl;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code corpus/sources.yaml} lists: seed pages (with their scope and depth), podcast feeds and sitemaps.
 *
 * @param sitemaps sitemap addresses; the pages they list are fetched (depth 0 from each)
 */
public record Sources(List<Seed> seeds, List<String> feeds, List<String> sitemaps) {
    public Sources {
        seeds = List.copyOf(seeds);
        feeds = List.copyOf(feeds);
        sitemaps = List.copyOf(sitemaps);
    }

    public static Sources empty() {
        return new Sources(List.of(), List.of(), List.of());
    }

    /** Every start of a crawl: seeds as they are, feeds and sitemaps fetched alone (their own content says what follows). */
    public List<Seed> crawlSeeds() {
        var out = new ArrayList<>(seeds);
        feeds.forEach(f -> out.add(new Seed(f, Seed.Scope.HOST, 0)));
        sitemaps.forEach(s -> out.add(new Seed(s, Seed.Scope.HOST, 0)));
        return out;
    }

    public boolean isEmpty() {
        return seeds.isEmpty() && feeds.isEmpty() && sitemaps.isEmpty();
    }
}
