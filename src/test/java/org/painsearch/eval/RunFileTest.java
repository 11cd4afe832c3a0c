package org.painsearch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TREC run files that external tools read in the order painsearch ranked. */
class RunFileTest {
    @Test
    void scoresDecreaseStrictlyEvenForTiesAndRounding() throws Exception {
        var out = new StringWriter();
        RunFile.write(out, "q1", List.of(new RunFile.Entry("a", 2.5), new RunFile.Entry("b", 2.5),
                new RunFile.Entry("c", 2.4999999), new RunFile.Entry("d", 1.0), new RunFile.Entry("e", 1.0)), "t");
        var lines = out.toString().strip().split("\n");
        assertThat(lines).containsExactly("q1 Q0 a 1 2.500000 t", "q1 Q0 b 2 2.499999 t", "q1 Q0 c 3 2.499998 t",
                "q1 Q0 d 4 1.000000 t", "q1 Q0 e 5 0.999999 t");
    }
}
