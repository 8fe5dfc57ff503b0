// E-mail goes through Strapi's email plugin (nodemailer provider) to a real SMTP server.
import { app, mailbox } from '../helpers/app';

it('delivers an e-mail with an attachment through the email plugin', async () => {
  const subject = `Prueba de correo ${Date.now()}`;
  await app()
    .plugin('email')
    .service('email')
    .send({
      to: 'gerencia@municipalidad.test',
      subject,
      text: 'Mensaje de prueba con tildes: información, región, año.',
      attachments: [{ filename: 'nota.txt', content: 'adjunto' }],
    });
  const mail = await mailbox().waitFor((m) => m.subject === subject);
  expect(mail.text).toContain('información, región, año');
  expect(mail.attachments.map((a) => a.filename)).toEqual(['nota.txt']);
  expect(mailbox().to('gerencia@municipalidad.test')).toContain(mail);
});
