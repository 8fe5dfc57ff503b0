// Plugin options (config/plugins.ts → 'approval-workflow'.config). Shape checked here;
// that every gated type exists and has draft & publish is checked in register().

export interface ApprovalWorkflowConfig {
  /** Content types whose publication needs the Gerente's approval. */
  gatedTypes: string[];
  /** 'forbid' (four-eyes) or 'allow': may a reviewer approve what they submitted or last edited? */
  selfApproval: 'forbid' | 'allow';
  /** Cron rule (with seconds) of the scheduled-publication worker. */
  scheduleRule: string;
  /** A claim on a due publication expires after this many seconds (an instance that died mid-way). */
  claimTimeoutSeconds: number;
  /** Base URL of the admin, for links in e-mails. */
  adminUrl: string;
}

const defaults: ApprovalWorkflowConfig = {
  gatedTypes: ['api::press-note.press-note', 'api::broadcast-program.broadcast-program'],
  selfApproval: 'forbid',
  scheduleRule: '*/10 * * * * *',
  claimTimeoutSeconds: 300,
  adminUrl: '',
};

const fail = (message: string): never => {
  throw new Error(`approval-workflow: configuración no válida: ${message}`);
};

export default {
  default: defaults,
  validator(config: Partial<ApprovalWorkflowConfig>) {
    const { gatedTypes, selfApproval, scheduleRule, claimTimeoutSeconds } = config;
    if (!Array.isArray(gatedTypes) || gatedTypes.some((uid) => typeof uid !== 'string' || !/^api::[\w-]+\.[\w-]+$/.test(uid))) {
      fail('gatedTypes debe ser una lista de UIDs de tipos de contenido (api::nombre.nombre).');
    }
    if (!['forbid', 'allow'].includes(selfApproval as string)) fail("selfApproval debe ser 'forbid' o 'allow'.");
    if (typeof scheduleRule !== 'string' || scheduleRule.trim().split(/\s+/).length < 5) fail('scheduleRule debe ser una regla cron.');
    if (!Number.isInteger(claimTimeoutSeconds) || (claimTimeoutSeconds as number) < 30) fail('claimTimeoutSeconds debe ser un entero ≥ 30.');
  },
};
