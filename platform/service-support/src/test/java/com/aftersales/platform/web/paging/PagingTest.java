package com.aftersales.platform.web.paging;

import com.aftersales.domain.error.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    private static final Instant AT = Instant.parse("2026-03-01T08:15:30.123456Z");
    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @Test
    void aTokenGivesBackTheSortKeysItWasMadeOf() {
        String token = PageToken.of(AT, ID, "王师傅 | 2", 42L);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        PageToken parsed = PageToken.parse(token, 4);
        assertThat(parsed.instant(0)).isEqualTo(AT);
        assertThat(parsed.uuid(1)).isEqualTo(ID);
        assertThat(parsed.text(2)).isEqualTo("王师傅 | 2");
        assertThat(parsed.number(3)).isEqualTo(42L);
        assertThat(PageToken.parse(null, 2)).isNull();
    }

    @Test
    void aTokenNotMadeHereIsAFieldErrorOnPageToken() {
        String wrongKind = PageToken.of("not-an-instant", ID);
        String shortUuid = PageToken.of(AT, "1-1-1-1-1");
        String invalidUtf8 = Base64.getUrlEncoder().encodeToString(new byte[]{(byte) 0xC3, 0x28});
        String emptyKey = Base64.getUrlEncoder().encodeToString(("\0" + ID).getBytes(StandardCharsets.UTF_8));
        for (String token : List.of("", "%%%", "not base64!", PageToken.of(AT), PageToken.of(AT, ID, "x"), invalidUtf8,
                "A".repeat(PageToken.MAX_LENGTH + 4))) {
            assertThatThrownBy(() -> PageToken.parse(token, 2)).as(token)
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("pageToken");
                        assertThat(e.key()).isEqualTo("field.page-token");
                    });
        }
        assertThatThrownBy(() -> PageToken.parse(wrongKind, 2).instant(0)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> PageToken.parse(emptyKey, 2).instant(0)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> PageToken.parse(shortUuid, 2).uuid(1)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> PageToken.parse(PageToken.of("x"), 1).number(0)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void theNextLinkIsTheRequestWithItsPageTokenReplaced() {
        assertThat(PageLinks.next("/api/returns", "status=OPEN&pageToken=old&limit=20&page=3", "NEW"))
                .isEqualTo("</api/returns?status=OPEN&limit=20&pageToken=NEW>; rel=\"next\"");
        assertThat(PageLinks.next("/api/returns", null, "NEW")).isEqualTo("</api/returns?pageToken=NEW>; rel=\"next\"");
        assertThat(PageLinks.next("/api/customers", "name=%E7%8E%8B&pageSize=2", "T"))
                .isEqualTo("</api/customers?name=%E7%8E%8B&pageSize=2&pageToken=T>; rel=\"next\"");
        assertThat(PageLinks.next("/api/returns", "status=OPEN", null)).isNull();
    }

    @Test
    void aPageReadsOneExtraRowToKnowWhetherAnotherFollows() {
        KeysetPage<Integer> full = KeysetPage.of(List.of(5, 4, 3), 2, n -> PageToken.of(n));
        assertThat(full.items()).containsExactly(5, 4);
        assertThat(PageToken.parse(full.nextPageToken(), 1).number(0)).isEqualTo(4);
        assertThat(full.map(n -> "#" + n).items()).containsExactly("#5", "#4");

        KeysetPage<Integer> last = KeysetPage.of(List.of(2, 1), 2, n -> PageToken.of(n));
        assertThat(last.items()).containsExactly(2, 1);
        assertThat(last.nextPageToken()).isNull();
    }

    @Test
    void pageSizeFallsBackToLimitThenToTheListsDefaultAndNeverExceedsItsMaximum() {
        PagingProperties paging = new PagingProperties(50, 200,
                Map.of("customers", new PagingProperties.Sizes(20, 100)));

        assertThat(paging.pageSize("customers", null, null)).isEqualTo(20);
        assertThat(paging.pageSize("customers", 30, 10)).isEqualTo(30);
        assertThat(paging.pageSize("customers", null, 10)).isEqualTo(10);
        assertThat(paging.pageSize("customers", 500, null)).isEqualTo(100);
        assertThat(paging.pageSize("calls", null, null)).isEqualTo(50);
        assertThat(paging.pageSize("calls", 999, null)).isEqualTo(200);
        assertThat(paging.maxPageSize("customers")).isEqualTo(100);
        assertThat(paging.maxPageSize("calls")).isEqualTo(200);
        assertThatThrownBy(() -> new PagingProperties(50, 20, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PagingProperties(50, 200, Map.of("x", new PagingProperties.Sizes(null, 5000))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
