package org.painsearch.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookmarkStoreTest {
    @TempDir
    Path dir;

    private BookmarkStore store() {
        return new BookmarkStore(dir.resolve("bookmarks.json"), Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC));
    }

    @Test
    void addsListsByKindAndLabelAndSurvivesANewStore() throws Exception {
        var s = store();
        s.add("search:q=crps", "CRPS reading");
        s.add("doc:gate-control", null);
        s.add("note:note-glow", "Glow");
        assertThat(store().list()).extracting(Bookmark::target)
                .containsExactly("note:note-glow", "doc:gate-control", "search:q=crps");
        assertThat(store().bookmarkedIds()).containsExactlyInAnyOrder("note-glow", "gate-control");
        assertThat(store().list().get(0).created()).isEqualTo("2026-03-01T09:30:00Z");
    }

    @Test
    void theSameTargetTwiceIsRelabelledNotDuplicated() throws Exception {
        var s = store();
        var first = s.add("doc:gate-control", "Gate");
        var again = s.add("doc:gate-control", "Gate control theory");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(s.list()).hasSize(1).first().extracting(Bookmark::label).isEqualTo("Gate control theory");
    }

    @Test
    void idsAreNotReusedAfterRemoval() throws Exception {
        var s = store();
        s.add("doc:a", null);
        var b = s.add("doc:b", null);
        assertThat(s.remove(b.id())).isTrue();
        assertThat(s.remove(b.id())).isFalse();
        assertThat(s.add("doc:c", null).id()).isEqualTo("b2");
    }

    @Test
    void badTargetsAndBrokenFilesGiveReasons() throws Exception {
        assertThatThrownBy(() -> store().add("doc:", null)).hasMessageContaining("doc:<id>");
        assertThatThrownBy(() -> store().add("search:", null)).hasMessageContaining("search:<query>");
        Files.writeString(dir.resolve("bookmarks.json"), "{broken");
        assertThatThrownBy(() -> store().list()).hasMessageContaining("not a valid bookmarks file");
    }
}
