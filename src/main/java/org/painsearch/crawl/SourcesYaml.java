package org.painsearch.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Writes {@code sources.yaml} so a person can still read and edit it: entries are added to the file's own YAML
 * node tree, which keeps the comments SnakeYAML Engine can carry (those above and beside entries), and nothing is
 * ever written as an anchor or alias ({@code &id001}, {@code *id001}).
 */
final class SourcesYaml {
    private static final DumpSettings DUMP = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(1000)
            .setDumpComments(true).setDereferenceAliases(true).build();

    private SourcesYaml() {
    }

    /** Plain YAML for {@code value} (maps, lists, strings, numbers), without anchors even for shared objects. */
    static String render(Object value) {
        return new Dump(DUMP).dumpToString(value);
    }

    /**
     * {@code text} with {@code seeds} and {@code feeds} appended to its lists, its comments kept; empty when the
     * text is not a mapping that can be edited in place (then the caller writes the file afresh).
     */
    static Optional<String> withAdded(String text, List<Seed> seeds, List<String> feeds) {
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setParseComments(true).setLabel(SourcesFile.NAME).build())
                    .composeString(text).orElse(null);
        } catch (YamlEngineException e) {
            return Optional.empty();
        }
        if (!(root instanceof MappingNode map)) {
            return Optional.empty();
        }
        var seedNodes = new ArrayList<Node>();
        for (Seed s : seeds) {
            seedNodes.add(new MappingNode(Tag.MAP, new ArrayList<>(List.of(
                    new NodeTuple(scalar("url"), scalar(s.url())),
                    new NodeTuple(scalar("scope"), scalar(s.scope().name().toLowerCase(Locale.ROOT))),
                    new NodeTuple(scalar("max-depth"), new ScalarNode(Tag.INT, Integer.toString(s.maxDepth()),
                            ScalarStyle.PLAIN)))), FlowStyle.BLOCK));
        }
        if (!append(map, "seeds", seedNodes) || !append(map, "feeds", feeds.stream().map(SourcesYaml::scalar).toList())) {
            return Optional.empty();
        }
        var out = new StringBuilder();
        new Dump(DUMP).dumpNode(root, new StreamDataWriter() {
            @Override
            public void write(String str) {
                out.append(str);
            }

            @Override
            public void write(String str, int off, int len) {
                out.append(str, off, off + len);
            }
        });
        return Optional.of(out.toString());
    }

    // Adds items to the list under key, creating it when missing; false when the key holds something else.
    private static boolean append(MappingNode map, String key, List<? extends Node> items) {
        if (items.isEmpty()) {
            return true;
        }
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                if (t.getValueNode() instanceof SequenceNode seq) {
                    seq.getValue().addAll(items);
                    seq.setFlowStyle(FlowStyle.BLOCK);
                    return true;
                }
                if (t.getValueNode() instanceof ScalarNode empty && empty.getTag().equals(Tag.NULL)) {
                    map.getValue().set(map.getValue().indexOf(t), new NodeTuple(k, sequence(items)));
                    return true;
                }
                return false;
            }
        }
        map.getValue().add(new NodeTuple(scalar(key), sequence(items)));
        return true;
    }

    private static CollectionNode<Node> sequence(List<? extends Node> items) {
        return new SequenceNode(Tag.SEQ, new ArrayList<>(items), FlowStyle.BLOCK);
    }

    private static ScalarNode scalar(String value) {
        return new ScalarNode(Tag.STR, value, ScalarStyle.PLAIN);
    }
}
