package org.painsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes Whisper-style WebVTT transcripts for the import benchmark: long episodes (40 to 70 minutes) of short cues,
 * a few silences, file names as podcast apps write them ({@code Show - 123 - Title.mp3.vtt}, some with full-width
 * punctuation). The words are invented here from a small vocabulary; seeded, so every run writes the same files.
 * Usage: {@code TranscriptFixtures DIR [COUNT=92]}.
 */
public final class TranscriptFixtures {
    private static final String[] SHOWS = {"Quiet Hands", "The Pain Lab", "Touch Matters Weekly", "痛みの教室"};
    private static final String[] TOPICS = {"central sensitisation", "slow stroking", "graded exposure", "sleep debt",
            "the nocebo effect", "fear of movement", "trigger points", "breathing and the vagus nerve", "body maps",
            "chronic low back pain", "pacing", "the placebo response", "neck pain at the desk", "tendon load",
            "headaches and the jaw", "expectation and touch", "stress hormones", "nerve glides"};
    private static final String[] OPENERS = {"So what we see in the clinic is that", "I think the key point is that",
            "When a client tells me that", "The research suggests that", "What surprised me was that",
            "If you think about it,", "In my experience", "One thing people forget is that"};
    private static final String[] MIDDLES = {"the nervous system turns up the volume", "pain changes with context",
            "gentle pressure feels safer than we expect", "the brain predicts danger before it arrives",
            "movement helps more than rest", "sleep shapes the next day's pain", "words can calm or alarm",
            "tissues heal while the alarm keeps ringing", "the same touch can soothe or hurt",
            "confidence grows with small successes"};
    private static final String[] ENDINGS = {"and that matters for every session.", "so we start slowly.",
            "which is good news for most people.", "and we can explain it in plain words.",
            "even when scans look normal.", "and the client feels the difference.", "over a few weeks, not days."};

    private TranscriptFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 92;
        var random = new Random(11);
        long bytes = 0;
        for (int i = 1; i <= count; i++) {
            String show = SHOWS[i % SHOWS.length];
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            String title = Character.toUpperCase(topic.charAt(0)) + topic.substring(1) + " with a guest from the clinic";
            String name = show.equals("痛みの教室") ? show + "｜第" + i + "回：" + topic + ".mp3.vtt"
                    : show + " - " + (100 + i) + " - " + title + ".mp3.vtt";
            String vtt = episode(random, 40 + random.nextInt(31));
            Files.writeString(dir.resolve(name), vtt, StandardCharsets.UTF_8);
            bytes += vtt.length();
        }
        System.out.printf(Locale.ROOT, "wrote %d transcripts, %.1f MB, into %s%n", count, bytes / 1e6, dir);
    }

    private static String episode(Random random, int minutes) {
        var out = new StringBuilder("WEBVTT\n\n");
        double t = 0.5;
        while (t < minutes * 60) {
            double length = 2.5 + random.nextDouble() * 4.5;
            out.append(time(t)).append(" --> ").append(time(t + length)).append('\n')
                    .append(OPENERS[random.nextInt(OPENERS.length)]).append(' ')
                    .append(MIDDLES[random.nextInt(MIDDLES.length)]).append(' ')
                    .append(ENDINGS[random.nextInt(ENDINGS.length)]).append("\n\n");
            // Now and then music or a break: a long silence between cues.
            t += length + (random.nextInt(200) == 0 ? 15 + random.nextInt(30) : random.nextDouble() * 0.4);
        }
        return out.toString();
    }

    private static String time(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
