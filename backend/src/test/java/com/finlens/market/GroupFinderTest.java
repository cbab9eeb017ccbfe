package com.finlens.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupFinderTest {

    private final GroupFinder finder = new GroupFinder(AliasCatalog.bundled().groups(), SnapshotDirectory.shared());

    @Test
    @DisplayName("A group name standing alone (삼성, 현대는, Hyundai's, SK) could mean several companies")
    void alone() {
        assertThat(codes(finder.find("삼성 주가 알려줘"))).contains("005930", "207940", "006400");
        assertThat(codes(finder.find("현대는 작년에 얼마 벌었어?"))).contains("005380", "012330");
        assertThat(codes(finder.find("What is Hyundai's revenue?"))).contains("005380");
        assertThat(codes(finder.find("SK 주가"))).contains("000660", "034730");
    }

    @Test
    @DisplayName("A group name inside a company name is not a group mention (삼성전자, LG화학, SK하이닉스)")
    void partOfName() {
        assertThat(finder.find("삼성전자 주가")).isEmpty();
        assertThat(finder.find("LG화학과 SK하이닉스 영업이익")).isEmpty();
    }

    private static List<String> codes(List<GroupMention> found) {
        assertThat(found).hasSize(1);
        return found.get(0).companies().stream().map(MarketCompany::krxCode).toList();
    }
}
