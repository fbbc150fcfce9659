package com.aftersales.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service refuses bodies above the gateway's limit itself (it used to take 3 MB on its own port). */
class RequestSizeLimitFilterTest {

    private final List<Exception> resolved = new ArrayList<>();
    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(16, (request, response, handler, ex) -> {
        resolved.add(ex);
        response.setStatus(413);
        return new ModelAndView();
    });

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.setContent(new byte[17]);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(resolved).singleElement().isInstanceOf(RequestSizeLimitFilter.TooLargeException.class);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aPathWithItsOwnLimitTakesMore() throws Exception {
        RequestSizeLimitFilter uploads = new RequestSizeLimitFilter(new RequestSizeProperties(
                org.springframework.util.unit.DataSize.ofBytes(16), List.of(new RequestSizeProperties.BodyLimit(
                List.of("/api/attachments"), org.springframework.util.unit.DataSize.ofBytes(64)))), (request, response, handler, ex) -> {
                    resolved.add(ex);
                    return new ModelAndView();
                });
        MockHttpServletRequest photo = new MockHttpServletRequest("POST", "/api/attachments");
        photo.setContent(new byte[40]);
        MockFilterChain chain = new MockFilterChain();
        uploads.doFilter(photo, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        MockHttpServletRequest json = new MockHttpServletRequest("POST", "/api/things");
        json.setContent(new byte[40]);
        uploads.doFilter(json, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(resolved).hasSize(1);
    }

    @Test
    void aChunkedBodyIsCutWhenItGrowsPastTheLimitAndASmallOnePasses() throws Exception {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/things") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent(new byte[40]);
        filter.doFilter(chunked, new MockHttpServletResponse(), (request, response) ->
                assertThatThrownBy(() -> request.getInputStream().readAllBytes())
                        .isInstanceOf(RequestSizeLimitFilter.TooLargeException.class));

        MockHttpServletRequest small = new MockHttpServletRequest("POST", "/api/things");
        small.setContent("{\"a\":1}".getBytes());
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(small, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(resolved).isEmpty();
    }
}
