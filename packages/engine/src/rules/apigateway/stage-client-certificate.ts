import { defineRule, skip } from '../rule.js';
import { judgeStages } from './stages.js';

export const apigwStageClientCertificate = defineRule({
  id: 'apigw-stage-client-certificate',
  title: 'REST API stages present a client certificate to the backend',
  severity: 'medium',
  rationale:
    "A client certificate lets the backend verify that requests come from API Gateway, so the integration cannot be called around the gateway's authentication.",
  remediation: {
    cloudformation:
      'Add AWS::ApiGateway::ClientCertificate and set ClientCertificateId: !Ref ClientCertificate on the stage.',
    terraform:
      'Set client_certificate_id = aws_api_gateway_client_certificate.this.id on aws_api_gateway_stage.',
    console:
      'API Gateway → Client certificates → Generate; Stages → the stage → Settings → Client certificate.',
  },
  controls: ['encryption-in-transit', 'strong-authentication'],
  kinds: ['Api'],
  equivalents: { cdkNag: ['HIPAA.Security-APIGWSSLEnabled'], awsConfig: ['api-gw-ssl-enabled'] },
  check(api) {
    if (api.facts.protocol !== 'rest') return skip;
    return judgeStages(api.facts.stages, (stage) =>
      stage.clientCertificate === true ? undefined : 'no ClientCertificateId',
    );
  },
});
