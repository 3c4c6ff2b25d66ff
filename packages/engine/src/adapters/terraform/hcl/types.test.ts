import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTerraformFolder } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'sg-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('variable type constraints in a folder scan', () => {
  it('fills optional() object attributes with null or their default, at any depth, and converts primitives', async () => {
    writeFileSync(
      join(dir, 'main.tf'),
      `
      variable "instances" {
        type = map(object({
          class  = optional(string, "db.r6g.large")
          public = optional(bool)
          port   = number
          rules  = optional(list(object({ cidr = string, ports = optional(list(number), [443]) })), [])
        }))
        default = {
          a = { port = "5432", rules = [{ cidr = "10.0.0.0/8" }] }
          b = { class = "db.t4g.medium", public = true, port = 3306 }
        }
      }
      resource "aws_db_instance" "db" {
        for_each            = var.instances
        instance_class      = each.value.class
        publicly_accessible = each.value.public
        port                = each.value.port
        tags                = { ports = jsonencode(each.value.rules[*].ports) }
      }
      `,
    );
    const result = await loadTerraformFolder(dir, { cwd: dir });
    expect(result.errors).toEqual([]);
    const values = Object.fromEntries(
      result.instances.map((instance) => [instance.address, instance.values]),
    );
    expect(values['aws_db_instance.db["a"]']).toEqual({
      instance_class: 'db.r6g.large',
      publicly_accessible: null,
      port: 5432,
      tags: { ports: '[[443]]' },
    });
    expect(values['aws_db_instance.db["b"]']).toMatchObject({
      instance_class: 'db.t4g.medium',
      publicly_accessible: true,
      port: 3306,
      tags: { ports: '[]' },
    });
  });
});
