/**
 * The production–repair quality loop (生产-维修质量反馈): failures counted by model × batch × region
 * × fault code from repair records, normalised by the registered units, tested against the model's
 * baseline ({@link com.aftersales.feedback.quality.ClusterDetector}); an unusual cluster raises
 * {@code aftersales.quality.alert-raised.v1} with its evidence and lists the units still at risk.
 */
package com.aftersales.feedback.quality;
