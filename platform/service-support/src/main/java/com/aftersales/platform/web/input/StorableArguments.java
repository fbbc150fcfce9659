package com.aftersales.platform.web.input;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.util.List;
import java.util.function.Supplier;

/**
 * Checks every handler argument MVC converted from the request (query and path variables, headers) with
 * {@link StorableInput} before the controller sees it, by wrapping the argument resolvers of every
 * {@link RequestMappingHandlerAdapter}. Bodies are left to {@link StorableInputModule}, which knows the JSON path.
 */
public class StorableArguments implements BeanPostProcessor {

    private final Supplier<StorableInput> input;

    public StorableArguments(Supplier<StorableInput> input) {
        this.input = input;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            StorableInput rule = input.get();
            List<HandlerMethodArgumentResolver> checked = adapter.getArgumentResolvers().stream()
                    .map(resolver -> resolver instanceof Checked ? resolver : (HandlerMethodArgumentResolver) new Checked(resolver, rule))
                    .toList();
            adapter.setArgumentResolvers(checked);
        }
        return bean;
    }

    record Checked(HandlerMethodArgumentResolver delegate, StorableInput input) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return delegate.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                      WebDataBinderFactory binders) throws Exception {
            Object value = delegate.resolveArgument(parameter, container, request, binders);
            if (!parameter.hasParameterAnnotation(RequestBody.class)) {
                input.check(value).ifPresent(finding -> {
                    throw new UnstorableParameterException(name(parameter) + finding.path(), finding.violation());
                });
            }
            return value;
        }

        private static String name(MethodParameter parameter) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && !param.name().isEmpty()) {
                return param.name();
            }
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            if (path != null && !path.name().isEmpty()) {
                return path.name();
            }
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null && !header.name().isEmpty()) {
                return header.name();
            }
            String name = parameter.getParameterName();
            return name == null ? "parameter" : name;
        }
    }
}
