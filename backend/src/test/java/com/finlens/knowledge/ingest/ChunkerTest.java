package com.finlens.knowledge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static final String[] ENGLISH = {
        "Samsung Electronics reported operating profit of 6.6 trillion won.",
        "Memory prices rose for the third straight quarter!",
        "Will the central bank cut rates in 2025?",
        "Net sales were $1,496.5 million, up 24.4% from the prior year.",
        "The board approved a dividend of 361 won per share.",
    };
    private static final String[] KOREAN = {
        "삼성전자는 3분기 영업이익이 6조 6천억 원이라고 발표했다.",
        "반도체 수요가 회복되면서 메모리 가격이 올랐습니다.",
        "한국은행은 기준금리를 3.5%로 동결했다.",
        "이사회는 주당 361원의 배당을 승인했다.",
        "외국인 투자자들이 코스피에서 순매수를 이어갔다!",
    };

    private static List<String> randomSentences(Random random, int count) {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] pool = random.nextBoolean() ? ENGLISH : KOREAN;
            String sentence = pool[random.nextInt(pool.length)];
            int end = sentence.length() - 1;
            sentences.add(sentence.substring(0, end) + " (" + i + ")" + sentence.charAt(end));
        }
        return sentences;
    }

    @RepeatedTest(20)
    @DisplayName("Chunks of mixed Korean and English text stay within the limit, cover every sentence whole and overlap by one sentence")
    void chunkProperties(RepetitionInfo repetition) {
        // A fixed seed per repetition keeps a failure reproducible.
        Random random = new Random(repetition.getCurrentRepetition());
        int limit = 120 + random.nextInt(400);
        List<String> sentences = randomSentences(random, 5 + random.nextInt(60));
        String text = String.join(random.nextBoolean() ? " " : "\n", sentences);

        List<String> chunks = new Chunker(limit).chunk(text);

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(limit));
        for (String sentence : sentences) {
            assertThat(chunks).as("sentence kept whole: %s", sentence).anyMatch(chunk -> chunk.contains(sentence));
        }
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1);
            String lastOfPrevious = sentences.stream().filter(previous::endsWith).findFirst().orElseThrow();
            String firstNew = sentences.get(sentences.indexOf(lastOfPrevious) + 1);
            if (lastOfPrevious.length() + 1 + firstNew.length() <= limit) {
                assertThat(chunks.get(i)).as("chunk %d starts with the last sentence of chunk %d", i, i - 1)
                        .startsWith(lastOfPrevious + " " + firstNew);
            } else {
                assertThat(chunks.get(i)).as("overlap too long to fit, chunk %d starts fresh", i).startsWith(firstNew);
            }
        }
    }

    @Test
    @DisplayName("Korean sentence endings split sentences, decimals and thousands separators do not")
    void koreanAndNumbers() {
        List<String> sentences = SentenceSplitter.split(
                "매출은 1,452.4억 원이었다. 영업이익은 3.5% 늘었습니다! 배당은?  Net sales were $1,202.9 million. 끝。다음");

        assertThat(sentences).containsExactly("매출은 1,452.4억 원이었다.", "영업이익은 3.5% 늘었습니다!", "배당은?",
                "Net sales were $1,202.9 million.", "끝。", "다음");
    }

    @Test
    @DisplayName("Paragraph breaks end a sentence and wrapped lines inside a paragraph are joined")
    void paragraphs() {
        assertThat(SentenceSplitter.split("Heading without a period\n\nA wrapped\nline ends here.\n"))
                .containsExactly("Heading without a period", "A wrapped line ends here.");
    }

    @Test
    @DisplayName("A sentence longer than the limit is cut between words, never inside one")
    void longSentence() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("word").append(i).append(' ');
        }
        Set<String> words = Arrays.stream(text.toString().trim().split(" ")).collect(Collectors.toSet());

        List<String> chunks = new Chunker(100).chunk(text.toString().trim() + ".");

        assertThat(chunks).hasSizeGreaterThan(10).allSatisfy(chunk -> {
            assertThat(chunk.length()).isLessThanOrEqualTo(100);
            assertThat(chunk.replace(".", "").split(" ")).allMatch(words::contains);
        });
    }

    @Test
    @DisplayName("The same text always gives the same chunks and blank text gives none")
    void deterministic() {
        String text = String.join(" ", KOREAN) + " " + String.join(" ", ENGLISH);

        assertThat(new Chunker(120).chunk(text)).isEqualTo(new Chunker(120).chunk(text));
        assertThat(new Chunker().chunk(" \n\n ")).isEmpty();
    }
}
