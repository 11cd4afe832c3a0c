package org.painsearch.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.painsearch.corpus.Ids;

/**
 * What a transcript's file name says about its episode, as podcast apps and transcription tools name files:
 * {@code Show Name - 123 - Title.mp3.vtt}, {@code Show #12: Title.vtt}, {@code 045 - Title.en.srt},
 * {@code show_s02e05_title.vtt}. The media and transcript extensions go, full-width punctuation becomes its
 * plain form, underscores become spaces (and hyphens too when they are the only word separators).
 *
 * @param show    the show's name, or null when the name does not give it
 * @param episode the episode number as written ("123", "S02E05"), or null
 */
public record EpisodeName(String title, String show, String episode) {
    private static final Pattern TRANSCRIPT_EXT = Pattern.compile("(?i)\\.(vtt|srt|json|txt|sbv|ttml|html?)$");
    private static final Pattern LANGUAGE = Pattern.compile("(?i)\\.[a-z]{2}(-[a-z]{2,4})?$");
    private static final Pattern MEDIA_EXT = Pattern.compile(
            "(?i)\\.(mp3|m4a|m4b|mp4|m4v|wav|ogg|oga|opus|aac|flac|webm|mkv|mov|wma|aiff?)$");
    private static final String SEP = "\\s+[-–—|:·]+\\s+|\\s*[|｜]\\s*";
    private static final String NUMBER = "(?:#|No\\.?\\s*|Nr\\.?\\s*|Ep(?:isode|i)?\\.?\\s*|E|第)?(\\d{1,4})(?:回|話)?";
    // "Show - 123 - Title", "Show | Ep. 12 | Title"
    private static final Pattern SHOW_NUMBER_TITLE = Pattern.compile("(?i)^(.+?)(?:" + SEP + ")" + NUMBER + "(?:" + SEP
            + "|\\s*[:.]\\s*)(.+)$");
    // "Show #12: Title", "Show Episode 12 - Title", "Show Ep12 Title"
    private static final Pattern SHOW_MARKED_NUMBER = Pattern.compile(
            "(?i)^(.+?)\\s*(?:#|\\bEp(?:isode|i)?\\.?\\s*|\\bNo\\.\\s*)(\\d{1,4})\\b\\s*[-–—|:.]?\\s*(.+)$");
    // "S02E05"
    private static final Pattern SEASON = Pattern.compile("(?i)^(.*?)[\\s._-]*\\b(S\\d{1,2}E\\d{1,3})\\b[\\s._-]*(.*)$");
    // "123 - Title", "Episode 12: Title"
    private static final Pattern NUMBER_TITLE = Pattern.compile("(?i)^" + NUMBER + "(?:" + SEP + "|\\s*[:.]\\s+)(.+)$");
    private static final int ID_CHARS = 80;
    private static final int SHOW_ID_CHARS = 30;

    public EpisodeName {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an episode name needs a title");
        }
        title = title.strip();
        show = show == null || show.isBlank() ? null : show.strip();
        episode = episode == null || episode.isBlank() ? null : episode.strip();
    }

    /** The episode named by a file name or the last part of an address. */
    public static EpisodeName of(String fileName) {
        String name = clean(fileName);
        Matcher m;
        if ((m = SEASON.matcher(name)).matches() && !m.group(3).isBlank()) {
            return new EpisodeName(trim(m.group(3)), trim(m.group(1)), m.group(2).toUpperCase(Locale.ROOT));
        }
        if ((m = SHOW_NUMBER_TITLE.matcher(name)).matches()) {
            return new EpisodeName(trim(m.group(3)), trim(m.group(1)), stripZeros(m.group(2)));
        }
        if ((m = NUMBER_TITLE.matcher(name)).matches()) {
            return new EpisodeName(trim(m.group(2)), null, stripZeros(m.group(1)));
        }
        if ((m = SHOW_MARKED_NUMBER.matcher(name)).matches() && !trim(m.group(3)).isEmpty()) {
            return new EpisodeName(trim(m.group(3)), trim(m.group(1)), stripZeros(m.group(2)));
        }
        return new EpisodeName(name.isBlank() ? "Untitled transcript" : name, null, null);
    }

    /** This name with the show and episode number given elsewhere (sibling metadata) where the name had none. */
    public EpisodeName orElse(String otherShow, String otherEpisode) {
        return new EpisodeName(title, show != null ? show : otherShow, episode != null ? episode : otherEpisode);
    }

    /**
     * A document id that keeps the show and episode number whole and shortens only the title part, so two
     * episodes of one show never share an id because their number was cut off.
     */
    public String id() {
        var lead = new StringBuilder();
        if (show != null) {
            lead.append(shorten(Ids.slug(show), SHOW_ID_CHARS)).append('-');
        }
        if (episode != null) {
            lead.append(Ids.slug(episode)).append('-');
        }
        String rest = shorten(Ids.slug(title), Math.max(10, ID_CHARS - lead.length()));
        return (lead + rest).replaceAll("-+", "-").replaceAll("(^-|-$)", "");
    }

    /** The file name without its transcript, language and media extensions, in plain characters and spacing. */
    static String clean(String fileName) {
        String s = fileName.contains("://") ? fileName.replaceFirst("[?#].*$", "") : fileName;
        s = s.substring(s.lastIndexOf('/') + 1);
        if (s.contains("%")) {
            try {
                s = URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // a stray % is part of the name
            }
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = TRANSCRIPT_EXT.matcher(s).replaceFirst("");
        s = LANGUAGE.matcher(s).replaceFirst("");
        s = MEDIA_EXT.matcher(s).replaceFirst("");
        if (!s.contains(" ")) {
            s = s.replace('-', ' '); // a slug: hyphens and underscores are its spaces
        }
        s = s.replace('_', ' ');
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String trim(String s) {
        return s.replaceAll("^[\\s\\-–—|:·.]+|[\\s\\-–—|:·]+$", "").strip();
    }

    private static String stripZeros(String number) {
        String n = number.replaceFirst("^0+(?=\\d)", "");
        return n.isEmpty() ? number : n;
    }

    private static String shorten(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        String cut = slug.substring(0, max);
        int dash = cut.lastIndexOf('-');
        return dash > max / 2 ? cut.substring(0, dash) : cut;
    }

}
