import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Council } from './council.entity';

@Injectable()
export class CouncilsService {
  constructor(@InjectRepository(Council) private readonly councils: Repository<Council>) {}

  list(): Promise<Council[]> {
    return this.councils.find({ order: { code: 'ASC' } });
  }
}
